// Removed once this target has its first real file.
