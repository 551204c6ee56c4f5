"""The Vouchers screen (manager): the list, its filter, edit, reverse, export, and the New
voucher and New batch dialogs."""
