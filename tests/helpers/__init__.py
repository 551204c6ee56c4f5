"""What tests of several folders share: fakes and small helpers (not tests themselves)."""
