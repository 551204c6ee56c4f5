"""Piggy Desk: a shop-counter program for the Piggy (Leat) loyalty API."""

__version__ = "0.1.0"
