"""The window's areas. Each page has a navigation label, an icon name and a title."""
