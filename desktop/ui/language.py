"""The language Felt speaks: Qt's translators for Felt's own strings (the .qm files in
resources/translations, compiled from the .ts sources there by `make translations`)
and for Qt's (its standard buttons and dialogs), chosen by the system's locale or by
the player in the options (from the next start: every window is built in it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import resources

# The choices in the options: "" follows the system. Each language in its own words.
LANGUAGES = {"": "System language", "en": "English", "de": "Deutsch"}


def locale_for(choice: str) -> QLocale:
    return QLocale(choice) if choice else QLocale.system()


def install(choice: str) -> list[QTranslator]:
    """Felt's and Qt's translators for `choice` installed on the application (none for
    English, or a language Felt has no file for); they are returned so that a test can
    take them out again."""
    app = QCoreApplication.instance()
    assert app is not None
    locale, installed = locale_for(choice), []
    places = (
        ("felt", str(resources.folder() / "translations")),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    )
    for name, folder in places:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
    return installed


def uninstall(translators: list[QTranslator]) -> None:
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
