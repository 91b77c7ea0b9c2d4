"""The hub: HTTP API, WebSocket push, the store, auth, the event log and the admin CLI."""
