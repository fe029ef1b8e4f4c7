// Run EPUBCheck on several EPUBs in one JVM (its schemas load once): args are pairs
// "book.epub report.json". Started by tests/support/epub_tools.py with Java's single-file launcher.
import com.adobe.epubcheck.tool.EpubChecker;

public class BatchCheck {
    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            String[] one = {args[i], "--json", args[i + 1], "--usage", "--quiet"};
            int code = new EpubChecker().run(one);
            System.out.println(code + " " + args[i]);
        }
    }
}
