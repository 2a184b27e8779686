"""letterlab web app (Flask)."""
