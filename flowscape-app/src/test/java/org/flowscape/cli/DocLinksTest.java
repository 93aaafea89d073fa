package org.flowscape.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md, docs/*.md and the modules' README files resolves to a file or directory of the
 * repository (the docs stand alone: nothing points to notes users do not have), and docs/theory.md cites each of
 * the four papers by title, authors and arXiv id.
 */
class DocLinksTest {
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");

    @Test
    void everyRelativeLinkResolves() throws Exception {
        List<Path> docs = new ArrayList<>(DocExamplesTest.documents());
        for (String module : List.of("flowscape-bench", "flowscape-spark", "flowscape-app", "flowscape-core")) {
            Path readme = DocExamplesTest.ROOT.resolve(module).resolve("README.md");
            if (Files.exists(readme)) {
                docs.add(readme);
            }
        }
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path doc : docs) {
            Matcher m = LINK.matcher(Files.readString(doc));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto:
                }
                links++;
                if (!Files.exists(doc.getParent().resolve(target).normalize())) {
                    broken.add(DocExamplesTest.ROOT.relativize(doc) + " -> " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(links).isGreaterThan(20);
    }

    @Test
    void theoryCitesEachPaperByTitleAuthorsAndArxivId() throws Exception {
        String theory = Files.readString(DocExamplesTest.ROOT.resolve("docs/theory.md"));
        assertThat(theory).contains(
                "Dhruv Jatkar, Eduardo D. Sontag, *On the Convergence of\n  Overparameterized Problems",
                "arXiv:2511.09810", "Felix Benning, Steffen Dereich, *In almost all shallow analytic neural network",
                "arXiv:2504.08867", "Yash Jakhmola, *Gradient Flow Convergence Guarantee for General Neural Network "
                        + "Architectures*", "arXiv:2509.23887", "Itay Safran, Ohad Shamir, *On the Quality of the "
                        + "Initial Basin in Overspecified Neural Networks*", "arXiv:1511.04210", "**[P]**",
                "**[A]**", "**[R]**");
    }
}
