"""Live classroom sessions: the wire protocol, and (to come) the server and clients."""
