"""The widgets: they only show the model and forward what the player does."""
