/** Small .journey texts the CLI tests share. */

/** A clean map: personas, channel and team declared in the journey. */
export const CLEAN_MAP = `// A working parent books a home cleaning.
journey booking "Booking a home cleaning" {
  state current
  persona alex "Alex, working parent" {
    goal "A clean house"
  }
  channel site "Website" online
  team sales "Sales"
  stage awareness "Awareness" {
    touchpoint finds "Finds us" {
      persona alex
      channel site
      owner sales
      emotion 3
    }
  }
  stage purchase "Purchase" {
    touchpoint books "Books online" {
      persona alex
      channel site
      emotion 4
    }
  }
}
`;

/** A syntax error: the stray word `oops` at line 4, column 5 (1-based). */
export const SYNTAX_ERROR_MAP = [
    'journey broken "Broken" {',
    '  stage s "S" {',
    '    touchpoint t "T" { emotion 3 }',
    '    oops',
    '  }',
    '}',
    '',
].join('\n');
export const SYNTAX_ERROR_AT = { line: 4, column: 5 };

/** An unknown persona `bob` at line 5, column 32, while `alex` exists. */
export const UNKNOWN_PERSONA_MAP = [
    'journey unknown "Unknown persona" {',
    '  persona alex "Alex"',
    '  persona sam "Sam"',
    '  stage s "S" {',
    '    touchpoint t "T" { persona bob emotion 3 }',
    '  }',
    '}',
    '',
].join('\n');
export const UNKNOWN_PERSONA_AT = { line: 5, column: 32 };

/** Labels in several scripts: accents, emoji, CJK, right-to-left. */
export const NON_LATIN_MAP = `journey intl "Réservation 😀 中文 العربية" {
  persona amelie "Amélie 😀"
  stage etape "Étape 中文" {
    touchpoint paie "Paie en ligne — العربية" {
      persona amelie
      emotion 4
      pain "Délai d'attente 😀"
    }
  }
}
`;

/** A shared file: only personas, channels and teams, for the maps of its folder. */
export const SHARED_DECLARATIONS = `persona alex "Alex, working parent"
channel phone "Phone" offline
team support "Support"
`;

/** A map that uses the shared declarations without declaring them. */
export const MAP_USING_SHARED = `journey support_call "Calls support" {
  stage contact "Contact" {
    touchpoint calls "Calls" {
      persona alex
      channel phone
      owner support
      emotion 2
    }
  }
}
`;

/** A 1-based `file:line:col severity` prefix, as `journey check` prints it. */
export function located(file: string, at: { line: number; column: number }, severity = 'error'): string {
    return `${file}:${at.line}:${at.column} ${severity} `;
}
