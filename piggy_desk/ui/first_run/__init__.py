"""The first-run window: connect to Piggy before the counter opens."""
