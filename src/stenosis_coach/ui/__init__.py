"""The Qt shell: windows, pages and widgets that display state and forward user intent."""
