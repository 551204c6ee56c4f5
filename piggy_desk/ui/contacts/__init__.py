"""The Contacts screen (manager): find a customer and their vouchers."""
