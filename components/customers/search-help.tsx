/** The search box's rules, next to it (the same rules as lib/customers/search-terms.ts). */
export function SearchHelp() {
  return (
    <details className="text-xs text-slate-600">
      <summary className="cursor-pointer select-none font-medium text-brand-600 hover:underline">
        How search works
      </summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          A word finds customers whose <strong>email</strong> or <strong>customer id</strong> starts with it, whose{" "}
          <strong>name</strong> has a word starting with it, whose <strong>phone</strong> number starts with its digits,
          or who have it as an exact identity (for example an anonymous id). Capitals do not matter.
        </li>
        <li>
          Several words must all match: <code>ada lovelace</code>. Quote a phrase: <code>"ada lovelace"</code>. A phone
          number may contain spaces: <code>+44 20 7946</code>.
        </li>
        <li>
          <code>email:</code>, <code>id:</code> or <code>phone:</code> look in that field only: <code>email:ada@</code>,{" "}
          <code>id:user_00</code>.
        </li>
        <li>
          Any other <code>key:value</code> matches a trait exactly, ignoring capitals: <code>plan:pro</code>,{" "}
          <code>country:GB</code>, <code>name:"Ada Lovelace"</code>. Trait names are spelled as your source sends them.
        </li>
      </ul>
    </details>
  );
}
