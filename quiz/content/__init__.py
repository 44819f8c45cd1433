"""Content: reading files into models, generating questions, import and export."""
