# dmgbuild settings for Felt on macOS (packaging/README.md has the commands):
#     dmgbuild -s packaging/macos/dmg_settings.py -D app=build/dist/Felt.app \
#         Felt build/Felt.dmg
# A window with Felt.app beside a link to /Applications, to drag it onto. The felt://
# scheme is registered by the app itself (CFBundleURLTypes in packaging/felt.spec),
# once it is in Applications and has been opened.
import os.path

application = defines.get("app", "build/dist/Felt.app")  # noqa: F821 (dmgbuild's)
appname = os.path.basename(application)

format = "UDZO"
filesystem = "HFS+"
files = [application]
symlinks = {"Applications": "/Applications"}
badge_icon = "resources/icon/felt.icns"
icon_locations = {appname: (140, 120), "Applications": (500, 120)}
window_rect = ((200, 120), (640, 300))
default_view = "icon-view"
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
icon_size = 128
