"""One hand of No-Limit Hold'em: a thin, deterministic wrapper over pokerkit, dealt from
a deck we own (`deck`), with hand names in words (`names`)."""
