"""The client side of the protocol: a socket-free session (seq, gaps, resend ids,
backoff), an asyncio carrier for it, and a thin Qt adapter that emits typed signals."""
