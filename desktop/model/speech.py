"""The model's words in the player's language, without Qt: every line the model says goes
through `translate(context, text)`, which Qt's lupdate gathers like Qt's own. The app
hands it Qt's translator before its first window (`speak_with`); until then, and in
plain-Python tests, it speaks the English source."""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def english(context: str, text: str) -> str:
    return text


_translator: Translator = english


def translate(context: str, text: str) -> str:
    return _translator(context, text)


def speak_with(translator: Translator) -> None:
    global _translator
    _translator = translator
