"""Use-cases, one function (or small class) per user action, shared by GUI and CLI."""
