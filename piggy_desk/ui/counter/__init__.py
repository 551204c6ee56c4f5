"""The counter screen: the cashier's scan, the voucher card, confirm and cancel."""
