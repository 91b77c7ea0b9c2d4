"""The domain of Aufruf: entities, queue policy, protocol, configuration and the Qt client."""
