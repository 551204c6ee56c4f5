"""The main window around the screens: tabs, the manager PIN, focus after dialogs, one copy per
data folder, the start-failure box."""
