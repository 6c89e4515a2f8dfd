package dev.scorespec.runtime;

import dev.scorespec.runtime.server.Launcher;

/**
 * Starts the scoring server for the ScoreSpec binder on the class path:
 * {@code java -cp app.jar:libs/* dev.scorespec.runtime.Main [--port 5001] ...}. Run with {@code --help} for
 * the options and their environment variables.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        Launcher.main(args);
    }
}
