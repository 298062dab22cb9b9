"""The pack format: model, loading, discovery, install, cache, converters."""
