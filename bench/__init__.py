"""Scripts that measure the site and print plain figures. `./dev bench` runs them all."""
