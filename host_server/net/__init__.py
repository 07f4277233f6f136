"""The network shell: one listener for WebSockets and plain HTTP, the one commit step
(a loop turn's writes committed once, then its frames released), timers, the host's
bots and its liveness stamp. Everything here moves bytes or time; the host core
decides."""
