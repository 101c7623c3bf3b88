//! Unicode general categories as AWS's models name them in their (Java) patterns: `\p{L}`,
//! `\p{Z}`, `\p{N}` and `\p{Nd}`. One place, so the tag and password rules read alike.

use unicode_general_category::{GeneralCategory as Category, get_general_category};

/// `\p{L}`: a letter of any case or kind.
pub fn is_letter(c: char) -> bool {
    matches!(
        get_general_category(c),
        Category::UppercaseLetter
            | Category::LowercaseLetter
            | Category::TitlecaseLetter
            | Category::ModifierLetter
            | Category::OtherLetter
    )
}

/// `\p{Z}`: a space, line or paragraph separator.
pub fn is_separator(c: char) -> bool {
    matches!(
        get_general_category(c),
        Category::SpaceSeparator | Category::LineSeparator | Category::ParagraphSeparator
    )
}

/// `\p{N}`: a number of any kind (decimal digits, letter numbers such as `Ⅻ`, others like `²`).
pub fn is_number(c: char) -> bool {
    matches!(
        get_general_category(c),
        Category::DecimalNumber | Category::LetterNumber | Category::OtherNumber
    )
}

/// `\p{Nd}`: a decimal digit of any script.
pub fn is_decimal_digit(c: char) -> bool {
    get_general_category(c) == Category::DecimalNumber
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_category_takes_its_own_and_nothing_else() {
        let samples = [
            'a', 'Z', 'ǅ', 'ʰ', '中', ' ', '\u{a0}', '\u{2028}', '\u{2029}', '7', '٣', 'Ⅻ', '²',
            'é', '\u{301}', '€', '!', '\t',
        ];
        let letters: String = samples.iter().filter(|c| is_letter(**c)).collect();
        let separators: String = samples.iter().filter(|c| is_separator(**c)).collect();
        let numbers: String = samples.iter().filter(|c| is_number(**c)).collect();
        let digits: String = samples.iter().filter(|c| is_decimal_digit(**c)).collect();
        assert_eq!(letters, "aZǅʰ中é");
        assert_eq!(separators, " \u{a0}\u{2028}\u{2029}");
        assert_eq!(numbers, "7٣Ⅻ²");
        assert_eq!(digits, "7٣");
    }
}
