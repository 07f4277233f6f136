"""The sans-I/O host core: frames and `now` in, an outbox out (frames, closes, and the
writes that must be committed before any of them is sent). No sockets, no clock, no
store writes: the network shell does all three."""
