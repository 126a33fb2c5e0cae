"""Stenosis Coach: a private home-exercise and walking-pacing coach."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("stenosis-coach")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "stenosis-coach"
APP_TITLE = "Stenosis Coach"
