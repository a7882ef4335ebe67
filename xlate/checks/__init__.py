"""The checks that read a source and its translation (and back-translation) and raise flags."""
