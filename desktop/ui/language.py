"""The language Felt speaks: Qt's translators for Felt's own strings (the .qm files in
resources/translations, compiled from the .ts sources there by `make translations`)
and for Qt's (its standard buttons and dialogs), chosen by the system's locale or by
the player in the options (from the next start: every window is built in it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import resources
from desktop.model import speech

# The choices in the options: "" follows the system. Each language in its own words.
LANGUAGES = {"": "System language", "en": "English", "de": "Deutsch"}


def locale_for(choice: str) -> QLocale:
    return QLocale(choice) if choice else QLocale.system()


def install(choice: str) -> list[QTranslator]:
    """Felt's and Qt's translators for `choice` installed on the application; they are
    returned so that a test can take them out again. Where Felt has no file for the
    language, it speaks English, and English has a file of its own too: the plural forms
    of its counted strings ("1 more error", "2 more errors")."""
    app = QCoreApplication.instance()
    assert app is not None
    locale, installed = locale_for(choice), []
    count_in(locale)
    felt = str(resources.folder() / "translations")
    qt = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder, fallback in (("felt", felt, QLocale("en")), ("qtbase", qt, None)):
        translator = QTranslator(app)
        found = translator.load(locale, name, "_", folder) or (
            fallback is not None and translator.load(fallback, name, "_", folder)
        )
        if found and app.installTranslator(translator):
            installed.append(translator)
    speech.speak_with(QCoreApplication.translate)  # (the table model's words too)
    return installed


def uninstall(translators: list[QTranslator]) -> None:
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    count_in(locale_for(""))


def count_in(locale: QLocale) -> None:
    """Numbers as `locale` writes them from now on ("1,200" chips, or German "1.200");
    a bare system's C locale writes English's."""
    plain = locale.language() is QLocale.Language.C
    QLocale.setDefault(QLocale("en") if plain else locale)


def chips(amount: int) -> str:
    """An amount as the player's language groups its digits ("1,200"; German "1.200")."""
    return QLocale().toString(amount)
