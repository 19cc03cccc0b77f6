"""Det stagen kaller: HTML-fragmentene, skriptene, markørene, Datakilder, egne tall, eksporten."""
