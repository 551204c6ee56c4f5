"""The manager's Qt-free work: the dialogs' checks and the CSV export."""
