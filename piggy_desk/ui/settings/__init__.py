"""The Settings screen: where Piggy is, signing in, this counter's habits, the PIN."""
