import ArgumentParser
import ChapterSupport
import D2L
import Foundation
import Preliminaries

/// §2.2 Data preprocessing.
struct Pandas: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "§2.2 Data preprocessing: read a CSV, fill missing values, one-hot encode, convert to tensors.")

    @Option(help: "Folder to write house_tiny.csv into (default: $D2L_DATA_DIR or ./data).")
    var dataDir: String?

    func run() throws {
        printSection("2.2", "Data preprocessing")
        printSubsection("2.2.1", "Reading the data set")
        let folder = dataDir.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? dataDirectory
        let file = try DataPreprocessing.writeHouseTiny(in: folder)
        print("wrote \(file.path)")
        let data = try DataTable.readCSV(file)
        show("data = pd.read_csv(data_file); print(data)", data)

        printSubsection("2.2.2", "Handling missing values")
        let prepared = try DataPreprocessing.prepare(data)
        show("inputs = inputs.fillna(inputs.mean()); print(inputs)", prepared.filled)
        show("inputs = pd.get_dummies(inputs, dummy_na=True); print(inputs)", prepared.encoded)

        printSubsection("2.2.3", "Conversion to the tensor format")
        show("X, y = torch.tensor(inputs.values), torch.tensor(outputs.values)", prepared.X, prepared.y)
    }
}
