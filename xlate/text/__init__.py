"""Pure text functions: segmentation, sentence splitting and alignment, language id, words."""
