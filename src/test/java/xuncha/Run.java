package xuncha;

import xuncha.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process, as a user would, and keeps what it printed. */
public record Run(int status, String out, String err) {

    public static Run xuncha(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }
}
