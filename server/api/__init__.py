"""The HTTP API of the hub: routers, request/response models and the app's context."""
