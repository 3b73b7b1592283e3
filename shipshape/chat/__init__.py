"""From a question (and the conversation so far) to an answer made of curated sections."""
