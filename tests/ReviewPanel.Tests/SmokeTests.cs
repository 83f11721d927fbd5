namespace ReviewPanel.Tests;
