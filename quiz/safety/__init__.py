"""Output safety: outside text made safe for terminals, spreadsheets and Markdown."""
