// Import with a live progress bar: the file goes up as the request body (XMLHttpRequest, whose upload reports bytes
// sent), and the server answers one JSON line per committed batch, read as they arrive, then the outcome.
const form = document.getElementById("import-form");
const bar = document.getElementById("import-progress");
const phase = document.getElementById("import-phase");
const outcome = document.getElementById("import-outcome");
const list = document.getElementById("import-list");
const button = document.getElementById("start-import");

function show(value, text) {
    if (value !== null) {
        bar.value = Math.max(0, Math.min(100, value));
        bar.textContent = Math.round(bar.value) + "%";
    }
    phase.textContent = text;
    bar.dataset.updates = String(Number(bar.dataset.updates ?? "0") + 1);
}

function number(value) {
    return Number(value ?? 0).toLocaleString("en");
}

function describe(rows) {
    const list = document.createElement("dl");
    for (const [label, value] of rows) {
        const term = document.createElement("dt");
        term.textContent = label;
        const detail = document.createElement("dd");
        detail.textContent = value;
        list.append(term, detail);
    }
    outcome.replaceChildren(list);
    outcome.hidden = false;
}

function onLine(line) {
    const message = JSON.parse(line);
    if (message.error !== undefined) {
        outcome.replaceChildren();
        const error = document.createElement("p");
        error.className = "error";
        error.setAttribute("role", "alert");
        error.id = "import-error";
        error.textContent = message.error;
        outcome.append(error);
        outcome.hidden = false;
        show(null, "The import stopped; nothing after its last committed batch was stored.");
        return;
    }
    if (message.progress !== undefined) {
        const p = message.progress;
        const total = Number(p.totalBytes);
        const percent = total > 0 ? 100 * Number(p.bytesReceived) / total : null;
        show(p.completed ? 100 : percent, `${number(p.unitsCommitted)} units committed in ${number(p.batchesCommitted)} batches; ${number(p.pairsStored)} pairs stored.`);
        if (p.completed) {
            describe([
                ["Import", "#" + p.importId],
                ["Units read", number(p.unitsRead)],
                ["Pairs stored", number(p.pairsStored)],
                ["Duplicates skipped", number(p.pairsSkippedDuplicate)],
                ["Pairs updated", number(p.pairsUpdated)],
                ["Existing kept", number(p.pairsKeptExisting)],
                ["Units skipped", number(p.unitsSkipped)],
            ]);
            outcome.dataset.pairsStored = String(p.pairsStored);
        }
        return;
    }
    if (message.document !== undefined) {
        const d = message.document;
        show(100, "Aligned and imported.");
        describe([
            ["Import", "#" + d.importId],
            ["Korean sentences", number(d.koSentences)],
            ["English sentences", number(d.enSentences)],
            ["Pairs stored", number(d.pairsStored)],
            ["Duplicates skipped", number(d.pairsSkippedDuplicate)],
            ["Unpaired sentences", number(d.unpairedSentences)],
            ["Lines dropped", number(d.linesDropped)],
        ]);
        outcome.dataset.pairsStored = String(d.pairsStored);
    }
}

async function refreshList() {
    const response = await fetch("/import?handler=list", { credentials: "same-origin" });
    if (response.ok) {
        list.innerHTML = await response.text();
    }
}

form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = document.getElementById("file").files[0];
    if (!file) {
        return;
    }
    const params = new URLSearchParams({
        handler: "upload",
        memory: document.getElementById("memory").value,
        name: file.name,
        format: document.getElementById("format").value,
        policy: document.getElementById("policy").value,
    });
    const request = new XMLHttpRequest();
    let read = 0;
    const readLines = () => {
        const text = request.responseText;
        let end;
        while ((end = text.indexOf("\n", read)) >= 0) {
            const line = text.slice(read, end);
            read = end + 1;
            if (line.trim() !== "") {
                onLine(line);
            }
        }
    };
    request.open("POST", "/import?" + params.toString());
    request.setRequestHeader("X-CSRF-TOKEN", form.dataset.token);
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.upload.addEventListener("progress", (e) => {
        if (e.lengthComputable) {
            show(100 * e.loaded / e.total, `Sending ${file.name}: ${number(e.loaded)} of ${number(e.total)} bytes.`);
        }
    });
    request.addEventListener("progress", readLines);
    request.addEventListener("load", async () => {
        readLines();
        button.disabled = false;
        form.removeAttribute("aria-busy");
        if (request.status === 400 && outcome.hidden) {
            show(null, "The server refused the upload (400): reload the page and try again.");
        }
        await refreshList();
    });
    request.addEventListener("error", () => {
        button.disabled = false;
        show(null, "The connection to the server was lost; the import list below shows how far it got.");
    });
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    outcome.hidden = true;
    bar.dataset.updates = "0";
    show(0, `Sending ${file.name}…`);
    request.send(file);
});
