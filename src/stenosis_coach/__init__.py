"""Stenosis Coach: a private home-exercise and walking-pacing coach."""

# The one place the version is written (pyproject reads it); no importlib.metadata at
# start-up, which would cost ~20 ms before the first window.
__version__ = "0.1.0"

APP_NAME = "stenosis-coach"
APP_TITLE = "Stenosis Coach"  # not translated: the app's name, the same in every language
