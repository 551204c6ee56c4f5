"""Translatable texts without Qt, for the layers that must not import it (api, counter, the
settings and the token store).

``QT_TRANSLATE_NOOP(context, text)`` marks a text for Qt's lupdate, which finds it by that
name at the call; the UI translates it where it is shown. A ``Translate`` function gives a
text in the person's language; the UI passes one backed by ``QCoreApplication.translate``,
and sentences are translated with their ``{placeholders}`` and formatted afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

Translate = Callable[[str, str], str]


def untranslated(context: str, text: str) -> str:
    """The default ``Translate``: English as written."""
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


class TranslatableError(ValueError):
    """A refusal whose ``str()`` is an English sentence for a person.

    ``template`` is the sentence with ``{placeholders}``, marked with
    ``QT_TRANSLATE_NOOP(context, …)`` under the subclass's ``context``; ``values`` fill it
    after translating."""

    context: ClassVar[str]

    def __init__(self, template: str, **values: object) -> None:
        self.template = template
        self.values = values
        super().__init__(template.format(**values))

    def sentence(self, translate: Translate) -> str:
        """The sentence in the language ``translate`` gives."""
        return translate(self.context, self.template).format(**self.values)
