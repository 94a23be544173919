// CLI entry: see server/src/cli/.
