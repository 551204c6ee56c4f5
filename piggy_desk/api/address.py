"""Piggy's address, without the client: the settings need it before anything is sent."""

DEFAULT_BASE_URL = "https://api.piggy.eu"
