// Live lookup: asks the server for matches as the translator types, 300 ms after the last keystroke, and never while
// an input method is composing (a Hangul syllable being built: 한 is ㅎ, 하, 한 before compositionend).
const form = document.getElementById("lookup-form");
const input = document.getElementById("q");
const results = document.getElementById("results");
const delayMs = 300;
let composing = false;
let timer = 0;
let sent = "";
let latest = 0;

function query() {
    const params = new URLSearchParams(new FormData(form));
    params.delete("__RequestVerificationToken");
    return params;
}

async function lookUp() {
    const params = query();
    const key = params.toString();
    if (key === sent) {
        return;
    }
    sent = key;
    history.replaceState(null, "", "?" + key);
    if (input.value.trim() === "") {
        results.replaceChildren();
        return;
    }
    const ticket = ++latest;
    results.setAttribute("aria-busy", "true");
    try {
        params.set("handler", "results");
        const response = await fetch("/?" + params.toString(), { headers: { Accept: "text/html" }, credentials: "same-origin" });
        if (response.redirected || response.status === 401) {
            location.reload();
            return;
        }
        const html = await response.text();
        if (ticket === latest) {
            results.innerHTML = html;
            results.dataset.lookups = String(Number(results.dataset.lookups ?? "0") + 1);
        }
    } finally {
        if (ticket === latest) {
            results.setAttribute("aria-busy", "false");
        }
    }
}

function schedule() {
    clearTimeout(timer);
    if (!composing) {
        timer = setTimeout(lookUp, delayMs);
    }
}

input.addEventListener("compositionstart", () => {
    composing = true;
    clearTimeout(timer);
});
input.addEventListener("compositionend", () => {
    composing = false;
    schedule();
});
input.addEventListener("input", (event) => {
    if (!event.isComposing) {
        schedule();
    }
});
for (const select of form.querySelectorAll("select, input[type=number]")) {
    select.addEventListener("change", schedule);
}
input.addEventListener("keydown", (event) => {
    // Enter looks up at once; Shift+Enter is a new line.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        clearTimeout(timer);
        lookUp();
    }
});
form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    sent = "";
    lookUp();
});
sent = query().toString();
