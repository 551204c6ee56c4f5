"""Reliability tests: the fault matrix, kill tests, fuzzing (the GUI ones, two counters and
bad input, are in tests/ui). Their tallies are printed by ``tests/conftest.py``."""
