"""The Qt layer: one package per screen, and what they share.

- ``core``: what every screen uses (``tasks.off_loop`` and ``TaskRunner``, the message path,
  the event loop, translations, the theme, sounds, speech, accessibility);
- ``widgets``: shared widgets (the message banner, table model, row menu, shop picker,
  sign-in choice);
- ``shell``: the main window, the manager PIN gate, one copy per data folder, the
  start-failure box;
- ``counter``, ``vouchers``, ``promotions``, ``contacts``, ``journal``, ``settings``,
  ``first_run``: one screen each (``screen.py``, and ``dialogs.py`` where it has them).

Nothing below ``ui`` is imported by ``api``, ``counter``, ``sandbox`` or ``manager``; see
docs/architecture.md.
"""
