"""What every screen uses: running work off the loop, the message path, the event loop,
translations, the theme, sounds and speech."""
